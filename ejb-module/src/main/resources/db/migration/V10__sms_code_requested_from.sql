-- The address a password-reset code was requested from, for the per-address sending limit
-- (SmsCodePolicy.MAX_PER_ADDRESS_PER_HOUR). Codes requested before this column existed have none.
alter table sms_code add column requested_from varchar(64);
create index sms_code_requested_from_idx on sms_code (requested_from, requested_at);
