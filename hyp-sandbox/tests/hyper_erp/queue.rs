//! The bank-transfer refund queue: created refunds join it, filters, status updates, skipped
//! numbers.

use super::*;

#[tokio::test]
async fn a_created_refund_joins_the_queue_ready_to_execute_and_is_listed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
    assert_eq!(listed(&client, None).await, vec![number]);
}

#[tokio::test]
async fn an_empty_queue_answers_code_2_with_no_rows() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
    let (status, body) = post_raw(
        &sandbox,
        "Query_Refunds_API_Queue_json",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["ResponseCode"], 2, "{body}");
    assert!(body.get("Queue").is_none(), "{body}");
}

#[tokio::test]
async fn a_status_filter_that_matches_no_row_answers_code_2() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    queued_refund(&client, "R-1").await;
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        Vec::<RefundNumber>::new()
    );
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        Vec::<RefundNumber>::new()
    );
    let (_, body) = post_raw(
        &sandbox,
        "Query_Refunds_API_Queue_json",
        serde_json::json!({"Status": "execution failed"}),
    )
    .await;
    assert_eq!(body["ResponseCode"], 2, "{body}");
}

#[tokio::test]
async fn an_update_to_3_lists_the_refund_as_sent_awaiting_result() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    set_refund_status(&client, number, AuthorizationStatus::SentAwaitingResult).await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 3)]);
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        vec![number]
    );
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        Vec::<RefundNumber>::new()
    );
}

#[tokio::test]
async fn an_update_to_5_lists_the_refund_as_execution_failed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    set_refund_status(&client, number, AuthorizationStatus::SentAwaitingResult).await;
    set_refund_status(&client, number, AuthorizationStatus::ExecutionFailed).await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 5)]);
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        vec![number]
    );
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        Vec::<RefundNumber>::new()
    );
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
}

#[tokio::test]
async fn the_queue_lists_only_the_rows_in_the_asked_status() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let sent = queued_refund(&client, "R-1").await;
    let ready = queued_refund(&client, "R-2").await;
    set_refund_status(&client, sent, AuthorizationStatus::SentAwaitingResult).await;
    assert_eq!(listed(&client, None).await, vec![ready]);
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        vec![sent]
    );
}

#[tokio::test]
async fn unknown_refund_numbers_in_an_update_come_back_in_skipped() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let unknown = RefundNumber::new(number.get() + 1_000_000);
    let request = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: number,
                authorization_status: AuthorizationStatus::SentAwaitingResult,
            }),
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: unknown,
                authorization_status: AuthorizationStatus::SentAwaitingResult,
            }),
        ],
    });
    let answer = client.update_refund_queue(&request).await.unwrap();
    assert_eq!(answer.skipped, vec![unknown]);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 3)]);
}

#[tokio::test]
async fn an_update_naming_no_queued_refund_answers_code_14() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let request = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(number.get() + 1_000_000),
            authorization_status: AuthorizationStatus::ExecutedSuccessfully,
        })],
    });
    let err = client.update_refund_queue(&request).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::BadInputData);
    assert_eq!(api.http_status, 400);
    assert_eq!(
        api.message.as_deref(),
        Some("docs array does not contain valid refund numbers")
    );
    assert_eq!(sandbox.applied(API, "Update_Refunds_API_Queue_json"), 0);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
}
