//! Every endpoint of every API, as its generated marker type: a visitor sees each one in turn.
//! `every_endpoint_is_visited` (tests/tests/secret_scan.rs) checks the list against `spec/`,
//! so an endpoint added to the spec and not here fails a test.

use std::fmt::Debug;

use hyp_api::{Endpoint, creditguard as cg, hyper_erp as erp, mt5_manager as mt5, pay};

/// Something done once per endpoint type.
pub trait Visit {
    /// Called once for endpoint `E`.
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: Debug;
}

/// Calls `v.visit::<E>()` for every endpoint of every API, in spec order per API.
pub fn every_endpoint(v: &mut impl Visit) {
    v.visit::<erp::CreateTpAccount>();
    v.visit::<erp::DepositFiat>();
    v.visit::<erp::WithdrawFiat>();
    v.visit::<erp::CreateBalanceOrder>();
    v.visit::<erp::ChargeCard>();
    v.visit::<erp::CreateRefund>();
    v.visit::<erp::QueryRefundQueue>();
    v.visit::<erp::UpdateRefundQueue>();
    v.visit::<mt5::CreateAccount>();
    v.visit::<mt5::GetAccount>();
    v.visit::<mt5::UpdateAccount>();
    v.visit::<mt5::RotatePassword>();
    v.visit::<mt5::Deposit>();
    v.visit::<mt5::Withdraw>();
    v.visit::<mt5::Credit>();
    v.visit::<mt5::TransactionHistory>();
    v.visit::<mt5::DailyReport>();
    v.visit::<mt5::GroupReport>();
    v.visit::<mt5::SymbolReport>();
    v.visit::<mt5::ExposureReport>();
    v.visit::<cg::DoDeal>();
    v.visit::<cg::RefundDeal>();
    v.visit::<cg::CancelDeal>();
    v.visit::<cg::InquireTransactions>();
    v.visit::<cg::AddCgInvoice>();
    v.visit::<cg::GetSessionId>();
    v.visit::<cg::InquireInvoice>();
    v.visit::<cg::RefundCgInvoice>();
    v.visit::<cg::TransmitInquire>();
    v.visit::<cg::TransmitTerminal>();
    v.visit::<pay::SignPaymentPage>();
    v.visit::<pay::VerifyTransaction>();
    v.visit::<pay::SignInvoiceLink>();
    v.visit::<pay::CreatePaymentLink>();
    v.visit::<pay::ListPaymentLinks>();
    v.visit::<pay::DeletePaymentLink>();
    v.visit::<pay::ChargeToken>();
    v.visit::<pay::Capture>();
    v.visit::<pay::Payout>();
    v.visit::<pay::CreateOfflineInvoice>();
    v.visit::<pay::CreateMultiCheckInvoice>();
    v.visit::<pay::CancelTransaction>();
    v.visit::<pay::CommitTransaction>();
    v.visit::<pay::GetToken>();
    v.visit::<pay::SetRecurringStatus>();
    v.visit::<pay::Refund>();
}

/// (API, wire name) of every endpoint [`every_endpoint`] visits.
pub fn names() -> Vec<(&'static str, &'static str)> {
    struct Names(Vec<(&'static str, &'static str)>);
    impl Visit for Names {
        fn visit<E: Endpoint + 'static>(&mut self)
        where
            E::Output: Debug,
        {
            self.0.push((E::SERVICE, E::WIRE));
        }
    }
    let mut n = Names(Vec::new());
    every_endpoint(&mut n);
    n.0
}
