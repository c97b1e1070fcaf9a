-- The order lifecycle: one status instead of review_status and payment_status, and the payment, invoice, review
-- decision and shipment of an order in tables of their own instead of columns of certificate_application. Every
-- order and document is kept: the old columns' values move to the new tables before the columns are dropped.

-- The finance staff (财务) confirm bank transfers, issue invoices and work through the refund queue.
alter table account_role drop constraint account_role_ck;
alter table account_role add constraint account_role_ck
    check (role in ('APPLICANT', 'REVIEWER', 'OPERATOR', 'FINANCE', 'ADMIN'));

-- Itemised prices (立即支付, 信息确认): the part of a price that is the USB key's, where a new key is paid for.
-- EXAMPLE AMOUNTS like the prices themselves: a further key 150, the key of a 丢失补办 100.
alter table price_entry add column key_amount numeric(10,2) not null default 0;
update price_entry set key_amount = 150.00 where further_key and service_type in ('NEW_OR_REPLACE', 'RENEW_AND_LOST');
update price_entry set key_amount = 100.00 where service_type = 'LOST';
alter table price_entry add constraint price_entry_key_amount_ck check (key_amount >= 0 and key_amount <= amount);

-- The order's status (cn.cwca.portal.application.OrderStatus; OrderLifecycle holds its steps). A submitted order
-- that was paid (free) waits for review; one that was not waits for payment; the others keep their names.
alter table certificate_application add column status varchar(30);
update certificate_application set status = case
    when review_status = 'PENDING' and payment_status = 'PAID' then 'AWAITING_REVIEW'
    when review_status = 'PENDING' then 'AWAITING_PAYMENT'
    else review_status end;
alter table certificate_application alter column status set not null;

-- The key's part of the price an order was submitted with, where the price table still has that price.
alter table certificate_application add column key_amount numeric(10,2);
update certificate_application a set key_amount = coalesce(
    (select p.key_amount from price_entry p
     where p.service_type = a.service_type and p.further_key = a.further_paid_key
       and p.years = coalesce(a.years, 0) and p.amount = a.price), 0)
where a.price is not null;

alter table certificate_application add column completed_at timestamp;
update certificate_application set completed_at = updated_at where status = 'COMPLETED';

-- 审核: every round of review, kept (a rejected order may be corrected and reviewed again). stage 2 is the second
-- approval some service types ask for.
create sequence review_decision_seq start with 1 increment by 50;
create table review_decision (
    id             bigint       not null,
    application_id bigint       not null,
    round          integer      not null,
    stage          integer      not null,
    decision       varchar(10)  not null,
    opinion        varchar(500),
    reviewer       varchar(64)  not null,
    decided_at     timestamp    not null,
    constraint review_decision_pk primary key (id),
    constraint review_decision_application_fk foreign key (application_id) references certificate_application (id),
    constraint review_decision_uk unique (application_id, round, stage),
    constraint review_decision_decision_ck check (decision in ('APPROVE', 'REJECT')),
    constraint review_decision_stage_ck check (stage in (1, 2)),
    constraint review_decision_opinion_ck check (decision <> 'REJECT' or opinion is not null)
);
insert into review_decision (id, application_id, round, stage, decision, opinion, reviewer, decided_at)
select nextval('review_decision_seq'), id, 1, 1,
       case when status = 'REJECTED' then 'REJECT' else 'APPROVE' end,
       case when status = 'REJECTED' then coalesce(review_opinion, '-') else review_opinion end,
       'migration', updated_at
from certificate_application
where review_opinion is not null or status = 'REJECTED';

-- 邮寄: the waybills of an order; a lost parcel is shipped again with a new waybill and the old one kept
-- (superseded).
create sequence shipment_seq start with 1 increment by 50;
create table shipment (
    id                bigint       not null,
    application_id    bigint       not null,
    courier_company   varchar(50)  not null,
    waybill_number    varchar(30)  not null,
    shipped_at        timestamp    not null,
    shipped_by        varchar(64)  not null,
    superseded_at     timestamp,
    superseded_reason varchar(200),
    constraint shipment_pk primary key (id),
    constraint shipment_application_fk foreign key (application_id) references certificate_application (id)
);
create unique index shipment_current_uk on shipment (application_id) where superseded_at is null;
insert into shipment (id, application_id, courier_company, waybill_number, shipped_at, shipped_by)
select nextval('shipment_seq'), id, coalesce(courier_company, '顺丰速运'), waybill_number, updated_at, 'migration'
from certificate_application
where waybill_number is not null;

-- 开票信息: the buyer of the 数电发票, kept with the order and editable until the invoice is issued.
create table invoice_request (
    application_id bigint       not null,
    version        bigint       not null default 0,
    buyer_kind     varchar(20)  not null,
    buyer_name     varchar(100) not null,
    buyer_tax_id   varchar(20)  not null,
    buyer_address  varchar(200),
    buyer_email    varchar(100),
    buyer_phone    varchar(20)  not null,
    buyer_bank     varchar(100),
    buyer_account  varchar(34),
    updated_at     timestamp    not null,
    constraint invoice_request_pk primary key (application_id),
    constraint invoice_request_application_fk foreign key (application_id) references certificate_application (id),
    constraint invoice_request_kind_ck check (buyer_kind in ('ORGANISATION', 'PERSON'))
);

-- 数电发票: issued by the finance staff in the tax platform and recorded here with its file. A correction is a
-- red-letter invoice (RED, reversing a BLUE one, with a reason) and a new BLUE one; at most one BLUE invoice of an
-- order is current (ISSUED).
create sequence invoice_seq start with 1 increment by 50;
create table invoice (
    id                  bigint       not null,
    version             bigint       not null default 0,
    application_id      bigint       not null,
    kind                varchar(10)  not null,
    status              varchar(10)  not null,
    invoice_number      varchar(50)  not null,
    amount              numeric(10,2),
    reverses_invoice_id bigint,
    reason              varchar(500),
    file_name           varchar(200),
    content_type        varchar(50),
    size_bytes          bigint,
    sha256              char(64),
    content             bytea,
    issued_at           timestamp    not null,
    issued_by           varchar(64)  not null,
    constraint invoice_pk primary key (id),
    constraint invoice_number_uk unique (invoice_number),
    constraint invoice_application_fk foreign key (application_id) references certificate_application (id),
    constraint invoice_reverses_fk foreign key (reverses_invoice_id) references invoice (id),
    constraint invoice_kind_ck check (kind in ('BLUE', 'RED')),
    constraint invoice_status_ck check (status in ('ISSUED', 'REVERSED')),
    constraint invoice_red_ck check (kind <> 'RED' or (reverses_invoice_id is not null and reason is not null))
);
create unique index invoice_current_uk on invoice (application_id) where kind = 'BLUE' and status = 'ISSUED';
insert into invoice (id, application_id, kind, status, invoice_number, amount, issued_at, issued_by)
select nextval('invoice_seq'), id, 'BLUE', 'ISSUED', invoice_number, price, updated_at, 'migration'
from certificate_application
where invoice_number is not null;

-- 支付: each attempt to pay an order (a QR code of a provider, or a bank transfer with its reference). At most one
-- payment of an order is PAID; money that arrives for a cancelled order, a second time or for another amount is
-- kept for the finance staff (REFUND_PENDING), never taken silently.
create sequence payment_seq start with 1 increment by 50;
create table payment (
    id                      bigint        not null,
    version                 bigint        not null default 0,
    application_id          bigint        not null,
    channel                 varchar(20)   not null,
    out_trade_no            varchar(32)   not null,
    amount                  numeric(10,2) not null,
    status                  varchar(20)   not null,
    qr_content              varchar(1000),
    expires_at              timestamp     not null,
    created_at              timestamp     not null,
    created_by              varchar(64)   not null,
    provider_transaction_id varchar(64),
    paid_amount             numeric(10,2),
    paid_at                 timestamp,
    confirmed_by            varchar(64),
    closed_at               timestamp,
    refund_reason           varchar(200),
    refunded_at             timestamp,
    refunded_by             varchar(64),
    constraint payment_pk primary key (id),
    constraint payment_out_trade_no_uk unique (out_trade_no),
    constraint payment_application_fk foreign key (application_id) references certificate_application (id),
    constraint payment_channel_ck check (channel in ('WECHAT', 'ALIPAY', 'BANK_TRANSFER', 'SANDBOX')),
    constraint payment_status_ck check (status in ('OPEN', 'PAID', 'CLOSED', 'REFUND_PENDING', 'REFUNDED')),
    constraint payment_amount_ck check (amount > 0),
    constraint payment_paid_ck check (status not in ('PAID', 'REFUND_PENDING', 'REFUNDED') or paid_at is not null)
);
create unique index payment_one_paid_uk on payment (application_id) where status = 'PAID';
create unique index payment_transaction_uk on payment (channel, provider_transaction_id)
    where provider_transaction_id is not null;
create index payment_application_idx on payment (application_id, created_at desc);
create index payment_open_idx on payment (expires_at) where status = 'OPEN';
create index payment_refund_idx on payment (paid_at) where status = 'REFUND_PENDING';

-- Every notification a provider sent, with what became of it and why (verified and applied, duplicate, refused).
create sequence payment_notification_seq start with 1 increment by 50;
create table payment_notification (
    id              bigint       not null,
    channel         varchar(20)  not null,
    received_at     timestamp    not null,
    notification_id varchar(64),
    out_trade_no    varchar(64),
    transaction_id  varchar(64),
    outcome         varchar(30)  not null,
    reason          varchar(300),
    remote_address  varchar(64)  not null,
    constraint payment_notification_pk primary key (id)
);
create index payment_notification_trade_idx on payment_notification (out_trade_no, received_at);

-- The old columns go, with the constraints and indexes that named them; the new ones take their place.
alter table certificate_application drop constraint certificate_application_submitted_ck;
alter table certificate_application drop constraint certificate_application_review_ck;
alter table certificate_application drop constraint certificate_application_payment_ck;
drop index certificate_application_one_draft_uk;
drop index certificate_application_owner_idx;
drop index certificate_application_review_idx;
alter table certificate_application
    drop column review_status,
    drop column review_opinion,
    drop column payment_status,
    drop column courier_company,
    drop column waybill_number,
    drop column invoice_number,
    drop column invoice_url;

alter table certificate_application add constraint certificate_application_status_ck check (status in
    ('DRAFT', 'AWAITING_PAYMENT', 'AWAITING_REVIEW', 'AWAITING_SECOND_REVIEW', 'APPROVED', 'REJECTED',
     'CERTIFICATE_MADE', 'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED', 'CANCELLED'));
alter table certificate_application add constraint certificate_application_submitted_ck check
    (status = 'DRAFT' or (submitted_at is not null and service_type is not null
                          and pickup_method is not null and price is not null));

-- One open draft per applicant: the wizard resumes it, and a double click on 立即申请 cannot start two.
create unique index certificate_application_one_draft_uk on certificate_application (owner_login_name)
    where status = 'DRAFT';
-- 进度查询: an applicant's submitted orders, newest first.
create index certificate_application_owner_idx on certificate_application (owner_login_name, submitted_at desc)
    where status <> 'DRAFT';
-- The staff's queues (review, 制证, shipping, counter): orders in a status, oldest first.
create index certificate_application_status_idx on certificate_application (status, submitted_at)
    where status <> 'DRAFT';
