-- Staff accounts managed on 员工管理 (admin/staff.xhtml).

-- A staff member whose password was generated (a new account, a reset) must choose their own at the next
-- login and can do nothing else until then. Rows inserted without it (the run command's first administrator,
-- the tests' staff) are not forced.
alter table account add column must_change_password boolean not null default false;

-- A disabled account cannot log in; disabling also raises credentials_version, which ends its sessions.
alter table account add column disabled boolean not null default false;

-- Who holds a role (the last active administrator is looked up on every change of the staff).
create index account_role_role_idx on account_role (role, account_id);
