-- Sessions end when the password changes: each session remembers the credentials version it logged in with.
alter table account add column credentials_version integer not null default 0;

-- The address an account was registered from (its throttling key), for the per-address registration limit.
-- Accounts registered before this column existed have none.
alter table account add column registered_from varchar(64);
create index account_registered_from_idx on account (registered_from, created_at);

-- What an SMS code proves. Every code before this column was a password reset's.
alter table sms_code add column purpose varchar(20) not null default 'PASSWORD_RESET';
alter table sms_code alter column purpose drop default;
