-- The registry of issued certificates and the CRLs signed from it (issue 3). PostgreSQL is the system of
-- record for revocation; the CA engine signs CRLs and OCSP answers from it.

create sequence issued_certificate_seq start with 1 increment by 50;
create sequence crl_number_seq start with 1 increment by 1;

create table issued_certificate (
    id                bigint        not null,
    version           bigint        not null default 0,
    serial_hex        varchar(40)   not null,
    subject_dn        varchar(1000) not null,
    owner_login_name  varchar(64)   not null,
    profile           varchar(30)   not null,
    key_algorithm     varchar(20)   not null,
    not_before        timestamp     not null,
    not_after         timestamp     not null,
    status            varchar(20)   not null,
    revoked_at        timestamp,
    revocation_reason varchar(40),
    der               bytea         not null,
    issued_at         timestamp     not null,
    constraint issued_certificate_pk primary key (id),
    constraint issued_certificate_serial_uk unique (serial_hex),
    constraint issued_certificate_status_ck check (status in ('VALID', 'REVOKED')),
    constraint issued_certificate_revoked_ck check (status <> 'REVOKED' or revoked_at is not null)
);

create index issued_certificate_owner_idx on issued_certificate (owner_login_name, not_after desc);
create index issued_certificate_revoked_idx on issued_certificate (revoked_at) where status = 'REVOKED';

create table crl (
    crl_number  bigint    not null,
    this_update timestamp not null,
    next_update timestamp not null,
    der         bytea     not null,
    constraint crl_pk primary key (crl_number)
);
