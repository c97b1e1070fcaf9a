-- 统计报表 (admin/reports.xhtml, cn.cwca.portal.report): when an order became paid, and the indexes of the
-- dashboard's four queries. Each query reads one index only (an index-only scan, no table rows), over a year of
-- orders at most. The index-only scans need the visibility map that autovacuum keeps.

-- When the order became paid (OrderEvent.PAY, or SUBMIT_FREE for a free order), beside submitted_at,
-- approved_at and completed_at: the start of the time to approval. The orders paid before this migration take
-- the time their payment was settled, or their submission when free; the orders marked paid in V6, which have
-- no payment row, stay without it and are left out of that figure.
alter table certificate_application add column paid_at timestamp;
update certificate_application a
set paid_at = coalesce(
        (select p.paid_at from payment p where p.application_id = a.id and p.status = 'PAID'),
        case when a.price = 0 then a.submitted_at end)
where a.status in ('AWAITING_REVIEW', 'AWAITING_SECOND_REVIEW', 'APPROVED', 'REJECTED', 'CERTIFICATE_MADE',
                   'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED');

-- Each index is ordered by the Beijing day (Asia/Shanghai, as cn.cwca.portal.common.BeijingDays) of the time a
-- figure counts by, the expression ReportQueries writes: an aggregate then reads the day's rows in order,
-- converted once when written instead of at every query, and groups them without a sort.

-- Orders per day by service type and by status, and the orders still waiting at each stage: the orders
-- submitted in the range.
create index certificate_application_report_submitted_idx
    on certificate_application (
        (((submitted_at at time zone 'UTC') at time zone 'Asia/Shanghai')::date), service_type, status)
    include (submitted_at)
    where status <> 'DRAFT';

-- The time from payment to approval, of the orders approved in the range.
create index certificate_application_report_approved_idx
    on certificate_application ((((approved_at at time zone 'UTC') at time zone 'Asia/Shanghai')::date))
    include (approved_at, paid_at)
    where approved_at is not null and paid_at is not null;

-- The time from approval to 已完成, of the orders completed in the range.
create index certificate_application_report_completed_idx
    on certificate_application ((((completed_at at time zone 'UTC') at time zone 'Asia/Shanghai')::date))
    include (completed_at, approved_at)
    where completed_at is not null and approved_at is not null;

-- Revenue per day: the payments settled in the range (money to be refunded is not revenue).
create index payment_report_paid_idx
    on payment ((((paid_at at time zone 'UTC') at time zone 'Asia/Shanghai')::date))
    include (paid_at, paid_amount)
    where status = 'PAID';
