-- 审核: the reviewers' queue of paid orders, their claims, the review round of an order, the second approval some
-- service types ask for, and the subject an approved order's certificate will carry.

-- The round of review an order is in: 1, and one more each time the applicant resubmits it after 驳回. A decision
-- of the order is recorded for its current round (review_decision (application_id, round, stage) is unique). The
-- orders of V6 take the round after their last decision while they wait for review, the round of their last
-- decision otherwise.
alter table certificate_application add column review_round integer not null default 1;
update certificate_application a set review_round = greatest(1, coalesce(
    (select max(d.round) from review_decision d where d.application_id = a.id), 0)
    + case when a.status = 'AWAITING_REVIEW' then 1 else 0 end)
where exists (select 1 from review_decision d where d.application_id = a.id);
alter table certificate_application add constraint certificate_application_round_ck check (review_round >= 1);

-- The claim of a reviewer on an order waiting for review (领取): until claimed_until no other reviewer may take it;
-- the holder's activity moves claimed_until on; a decision, a release or a step of the order ends it. An expired
-- claim may be taken by another reviewer.
alter table certificate_application add column claimed_by varchar(64);
alter table certificate_application add column claimed_until timestamp;
alter table certificate_application add constraint certificate_application_claim_ck
    check ((claimed_by is null) = (claimed_until is null));

-- The subject as reviewed, recorded when the order becomes APPROVED (审核通过): the account's data at that moment,
-- so that a later edit in 个人中心 never changes what an approved order's certificate says. subject_code is the ID
-- number or USCC (the certificate's serialNumber), subject_code_type says which; province and city are the names
-- the certificate carries (ST, L), from the account's division (subject_division_code).
alter table certificate_application add column approved_at timestamp;
alter table certificate_application add column subject_name varchar(100);
alter table certificate_application add column subject_code varchar(64);
alter table certificate_application add column subject_code_type varchar(20);
alter table certificate_application add column subject_legal_representative varchar(100);
alter table certificate_application add column subject_division_code varchar(6);
alter table certificate_application add column subject_province varchar(128);
alter table certificate_application add column subject_city varchar(128);
alter table certificate_application add constraint certificate_application_subject_type_ck
    check (subject_code_type in ('RESIDENT_ID', 'PASSPORT', 'USCC'));
alter table certificate_application add constraint certificate_application_subject_ck
    check (subject_name is null
           or (subject_code is not null and subject_code_type is not null and approved_at is not null));

-- 复核: whether a service type asks a second reviewer, other than the first, to approve an order. A change of the
-- certificate's subject (变更, 变更+更新) is approved by two people, as a CA's registration practice asks; the
-- administrators may change the others.
create table review_policy (
    service_type    varchar(30) not null,
    second_approval boolean     not null,
    constraint review_policy_pk primary key (service_type),
    constraint review_policy_service_ck check (service_type in
        ('NEW_OR_REPLACE', 'RENEW', 'CHANGE', 'LOST', 'CHANGE_AND_RENEW', 'RENEW_AND_LOST'))
);
insert into review_policy (service_type, second_approval) values
    ('NEW_OR_REPLACE', false),
    ('RENEW', false),
    ('CHANGE', true),
    ('LOST', false),
    ('CHANGE_AND_RENEW', true),
    ('RENEW_AND_LOST', false);

-- The review queue reads the orders waiting for review oldest first through certificate_application_status_idx
-- (status, submitted_at) with a LIMIT, and counts them with the same filters. Its applicant filter matches the
-- code (ID number or USCC, upper case) as a prefix of owner_login_name: a LIKE 'prefix%' can only use a btree built
-- with the pattern operator class (the database's collation is not C), so this small partial index serves it for
-- the orders of the queue. The name is matched as a case-insensitive substring of the account's display name,
-- joined by account_login_name_uk, among the queue's orders (pg_trgm is not available everywhere).
create index certificate_application_review_owner_idx
    on certificate_application (owner_login_name varchar_pattern_ops)
    where status in ('AWAITING_REVIEW', 'AWAITING_SECOND_REVIEW');

-- The decisions of an order's rounds are read by (application_id, round, stage), which review_decision_uk covers.
