-- Staff login with a USB key (docs/key-agent.md, "Staff login with a USB key").

-- Per staff role: whether its members log in with the certificate on their USB key as well as the password. A
-- staff member with any role that requires it needs the key. Edited by administrators on KEY登录设置.
create table role_policy (
    role               varchar(20) not null,
    version            bigint      not null,
    key_login_required boolean     not null,
    updated_at         timestamp   not null,
    constraint role_policy_pk primary key (role),
    constraint role_policy_role_ck check (role in ('ADMIN', 'REVIEWER', 'OPERATOR', 'FINANCE'))
);
insert into role_policy (role, version, key_login_required, updated_at)
select role, 0, false, now() at time zone 'UTC'
from (values ('ADMIN'), ('REVIEWER'), ('OPERATOR'), ('FINANCE')) as roles (role);

-- The certificate (a serial of the registry, issued by this CA) whose key a staff member's USB key must prove
-- at login; bound by an administrator. The login's nonces are key_challenge rows (V9) of the purpose
-- 'caportal-staff-login-v1'.
create table staff_login_certificate (
    login_name varchar(64) not null,
    version    bigint      not null,
    serial_hex varchar(40) not null,
    bound_by   varchar(64) not null,
    bound_at   timestamp   not null,
    constraint staff_login_certificate_pk primary key (login_name),
    constraint staff_login_certificate_account_fk foreign key (login_name)
        references account (login_name) on delete cascade
);
