-- 制证: the certificate made for an order and the USB key it was made on at the office; the nonces of the proofs of
-- possession (a USB key signs one to show that it holds a certificate's private key).

alter table certificate_application add column issued_serial_hex varchar(40);
alter table certificate_application add column key_serial varchar(64);
alter table certificate_application add constraint certificate_application_issued_ck
    check (issued_serial_hex is null or status in ('CERTIFICATE_MADE', 'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED'));
create unique index certificate_application_issued_uk on certificate_application (issued_serial_hex)
    where issued_serial_hex is not null;

create sequence key_challenge_seq start with 1 increment by 50;
create table key_challenge (
    id         bigint      not null,
    nonce      varchar(64) not null,
    login_name varchar(64) not null,
    purpose    varchar(64) not null,
    created_at timestamp   not null,
    expires_at timestamp   not null,
    used_at    timestamp,
    constraint key_challenge_pk primary key (id),
    constraint key_challenge_nonce_uk unique (nonce)
);
create index key_challenge_expires_idx on key_challenge (expires_at);
