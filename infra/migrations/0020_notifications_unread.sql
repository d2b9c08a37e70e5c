-- A person's unread messages are counted along notifications_recipient (one recipient's inbox is
-- a short range); the (recipient, read) index only cost each inserted message a fourth index
-- entry, which the daily job push writes 100,000 times (issue 8's benchmark: day 2 20.4 → 18.3 s).
DROP INDEX IF EXISTS notifications_unread;
