-- Applicant support for the 系统管理员 (admin/applicants.xhtml and admin/applicant.xhtml).

-- 查找申请人 by name: a case-insensitive prefix of display_name among the applicants. A LIKE 'prefix%' can only use a
-- btree built with the pattern operator class (the database's collation is not C); pg_trgm is not available
-- everywhere, so there is no substring index and the search offers prefixes only. Ordered by the same key, so that a
-- page of a common prefix is read from the index with its LIMIT. Exact matches use the existing indexes:
-- account_login_name_uk (ID number, passport number, credit code) and account_mobile_per_type_uk (mobile).
create index account_applicant_name_idx on account (lower(display_name) varchar_pattern_ops, id)
    where account_type <> 'STAFF';

-- A dispute over an organisation's credit code, resolved for its verified owner: the account (its login name is the
-- credit code) is handed over with its orders, certificates and audit trail, and its previous holder's contact data
-- are kept here with the reason and the evidence the staff checked. Timestamps are UTC.
create sequence account_transfer_seq start with 1 increment by 50;

create table account_transfer (
    id                            bigint       not null,
    account_id                    bigint       not null,
    login_name                    varchar(64)  not null,
    previous_display_name         varchar(100) not null,
    previous_legal_representative varchar(100),
    previous_mobile               varchar(11)  not null,
    new_display_name              varchar(100) not null,
    new_legal_representative      varchar(100) not null,
    new_mobile                    varchar(11)  not null,
    reason                        varchar(500) not null,
    evidence                      varchar(200) not null,
    transferred_by                varchar(64)  not null,
    transferred_at                timestamp    not null,
    constraint account_transfer_pk primary key (id),
    constraint account_transfer_account_fk foreign key (account_id) references account (id)
);

create index account_transfer_account_idx on account_transfer (account_id, transferred_at desc);
