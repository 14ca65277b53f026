// A Hyper refund document number and a client number are both integers; each is its own type
// (`RefundNumber`, `ClientNumber`, spec/hyper-erp/types.yaml), so a refund-queue update cannot
// name a client where the refund document belongs.

use hyp_api::hyper_erp::{
    AuthorizationStatus, ClientNumber, RefundStatusUpdate, RefundStatusUpdateRequired,
};

fn main() {
    let client = ClientNumber::new(500608);
    let _update = RefundStatusUpdate::new(RefundStatusUpdateRequired {
        refund_number: client,
        authorization_status: AuthorizationStatus::ExecutedSuccessfully,
    });
}
