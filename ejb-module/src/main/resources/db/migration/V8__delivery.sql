-- Delivery of the key (邮寄-收方付 and 自取): 顺丰速运 waybills, auto-completion of keys not signed for, the counter.

-- A waybill is used by one shipment only; a superseded one (a lost parcel) stays taken. The waybills V6 carried over
-- from the old columns were never checked and are left out of the index; the service refuses their numbers too.
create unique index shipment_waybill_uk on shipment (waybill_number) where shipped_by <> 'migration';

-- The hourly auto-completion looks for current shipments by age.
create index shipment_current_shipped_at_idx on shipment (shipped_at) where superseded_at is null;

-- The counter finds the orders waiting for a 取证人 by their ID number.
create index certificate_application_collector_idx on certificate_application (collector_id_number)
    where collector_id_number is not null;
