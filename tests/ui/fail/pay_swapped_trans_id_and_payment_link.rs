// A Hyp Pay transaction ID (`TransId`, the `Id` of a charge) and a payment link's id
// (`PayRequestId`) are both text; each is its own type (spec/pay/types.yaml), so a charge cannot
// be "cancelled" by a payment link's id, nor a link deleted by a transaction's.

use hyp_api::pay::{
    CancelTransactionRequest, CancelTransactionRequired, DeletePaymentLinkRequest,
    DeletePaymentLinkRequired, PayRequestId, TransId,
};

fn main() {
    let charge = TransId::new("405532558");
    let link = PayRequestId::new("abc123xyz");
    let _cancel = CancelTransactionRequest::new(CancelTransactionRequired { trans_id: link });
    let _delete = DeletePaymentLinkRequest::new(DeletePaymentLinkRequired {
        pay_request: charge,
    });
}
