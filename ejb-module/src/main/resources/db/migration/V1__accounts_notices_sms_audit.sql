-- Accounts, login throttling, SMS outbox and verification codes, notices, audit trail (issue 2).
-- Timestamps are UTC (JPA LocalDateTime). Ids come from sequences with INCREMENT BY 50, matching
-- @SequenceGenerator(allocationSize = 50) and eclipselink.sequencing.start-sequence-at-nextval.

create sequence account_seq start with 1 increment by 50;
create sequence login_attempt_seq start with 1 increment by 50;
create sequence sms_outbox_seq start with 1 increment by 50;
create sequence sms_code_seq start with 1 increment by 50;
create sequence notice_seq start with 1 increment by 50;
create sequence audit_entry_seq start with 1 increment by 50;

create table account (
    id                   bigint       not null,
    version              bigint       not null default 0,
    account_type         varchar(20)  not null,
    login_name           varchar(64)  not null,
    display_name         varchar(100) not null,
    mobile               varchar(11)  not null,
    id_type              varchar(20),
    division_code        varchar(6),
    legal_representative varchar(100),
    password_hash        varchar(200) not null,
    created_at           timestamp    not null,
    updated_at           timestamp    not null,
    constraint account_pk primary key (id),
    constraint account_login_name_uk unique (login_name),
    constraint account_type_ck check (account_type in ('NATURAL_PERSON', 'ORGANISATION', 'STAFF')),
    constraint account_id_type_ck check (id_type in ('RESIDENT_ID', 'PASSPORT')),
    constraint account_person_ck check (account_type <> 'NATURAL_PERSON' or id_type is not null),
    constraint account_organisation_ck check (account_type <> 'ORGANISATION' or legal_representative is not null)
);

-- One applicant account per mobile number and account type; staff may share numbers (PRODUCT.md "Account rules").
create unique index account_mobile_per_type_uk on account (account_type, mobile) where account_type <> 'STAFF';

create table account_role (
    account_id bigint      not null,
    role       varchar(20) not null,
    constraint account_role_pk primary key (account_id, role),
    constraint account_role_account_fk foreign key (account_id) references account (id) on delete cascade,
    constraint account_role_ck check (role in ('APPLICANT', 'REVIEWER', 'OPERATOR', 'ADMIN'))
);

create table login_attempt (
    id             bigint      not null,
    login_name     varchar(64) not null,
    remote_address varchar(64) not null,
    succeeded      boolean     not null,
    attempted_at   timestamp   not null,
    constraint login_attempt_pk primary key (id)
);

-- Throttling: failures per login name and per address within the last 15 minutes, and a login name's last success.
create index login_attempt_name_idx on login_attempt (login_name, attempted_at) where not succeeded;
create index login_attempt_address_idx on login_attempt (remote_address, attempted_at) where not succeeded;
create index login_attempt_success_idx on login_attempt (login_name, attempted_at) where succeeded;

create table sms_outbox (
    id      bigint       not null,
    mobile  varchar(11)  not null,
    text    varchar(500) not null,
    sent_at timestamp    not null,
    constraint sms_outbox_pk primary key (id)
);

create index sms_outbox_sent_at_idx on sms_outbox (sent_at desc, id desc);

create table sms_code (
    id           bigint      not null,
    login_name   varchar(64) not null,
    mobile       varchar(11) not null,
    code_salt    varchar(32) not null,
    code_hash    varchar(64) not null,
    delivered    boolean     not null,
    requested_at timestamp   not null,
    expires_at   timestamp   not null,
    tries        integer     not null default 0,
    used_at      timestamp,
    constraint sms_code_pk primary key (id),
    constraint sms_code_tries_ck check (tries >= 0)
);

-- Sending limits per mobile number (1 a minute, 10 a day) and the latest code of a login name and mobile number.
create index sms_code_mobile_idx on sms_code (mobile, requested_at);
create index sms_code_login_name_idx on sms_code (login_name, mobile, requested_at);

create table notice (
    id           bigint       not null,
    version      bigint       not null default 0,
    kind         varchar(20)  not null,
    title        varchar(200) not null,
    body         text         not null,
    published_at timestamp    not null,
    updated_at   timestamp    not null,
    withdrawn    boolean      not null default false,
    author       varchar(64)  not null,
    constraint notice_pk primary key (id),
    constraint notice_kind_ck check (kind in ('NOTICE', 'ANNOUNCEMENT'))
);

-- Home page: the newest published notices, of one kind or of both.
create index notice_published_idx on notice (kind, published_at desc) where not withdrawn;
create index notice_published_at_idx on notice (published_at desc);

create table audit_entry (
    id             bigint        not null,
    actor          varchar(64)   not null,
    action         varchar(64)   not null,
    target         varchar(128)  not null,
    details        varchar(4000),
    remote_address varchar(64)   not null,
    occurred_at    timestamp     not null,
    constraint audit_entry_pk primary key (id)
);

create index audit_entry_target_idx on audit_entry (target, occurred_at desc);
