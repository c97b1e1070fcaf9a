-- The review queue with 1,000,000 orders, 50,000 of them waiting (issue 12). Each part of the queue (a status, and
-- for an applicant text the name or the code) is read oldest first with a LIMIT: this partial index holds the
-- queue's orders in that order, per status, and the filters' columns as further keys, so that a filter on 业务类型,
-- 用户类型 or 办理点 is checked in the index before any row is read. The owner and the review round are included
-- for the "not the reviewer's own" and "not their own first approval" conditions, so that a vacuumed table answers
-- the count from the index alone. The applicant's code is matched by certificate_application_review_owner_idx (V7),
-- the name through the accounts.
create index certificate_application_queue_idx
    on certificate_application (status, submitted_at, id, service_type, user_type, handling_point_code)
    include (owner_login_name, review_round)
    where status in ('AWAITING_REVIEW', 'AWAITING_SECOND_REVIEW');
