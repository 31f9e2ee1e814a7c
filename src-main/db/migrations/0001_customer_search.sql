-- As-you-type search over customers: a contentless FTS5 trigram index (any 3+ characters,
-- from the middle of a word, a phone number or an IP). New customers are added by
-- CustomerStore.indexForSearch in the same transaction, one statement per batch (a trigger
-- per row was most of the cost of an import); updates and deletes are kept by triggers.
-- The body holds what an operator searches by: name, account number, phone digits, PPPoE username, IP.
-- detail = 'none' keeps no positions, and without contentless_delete a row leaves the index by
-- the 'delete' command with its old text: together half the cost of building the index.
-- Queries ask for every trigram of a term and check the candidates (src-main/db/customerStore.ts).
CREATE VIRTUAL TABLE `customer_search` USING fts5(body, tokenize = 'trigram', content = '', detail = 'none');
--> statement-breakpoint
INSERT INTO `customer_search` (rowid, body) SELECT c.id, c.name || ' ' || c.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(c.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(c.pppoe_username, '') || ' ' || coalesce(c.static_ip, '') FROM `customers` c;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF name, account_no, phones, pppoe_username, static_ip ON `customers` BEGIN
  INSERT INTO `customer_search` (customer_search, rowid, body) VALUES ('delete', old.id, old.name || ' ' || old.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(old.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(old.pppoe_username, '') || ' ' || coalesce(old.static_ip, ''));
  INSERT INTO `customer_search` (rowid, body) VALUES (new.id, new.name || ' ' || new.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(new.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(new.pppoe_username, '') || ' ' || coalesce(new.static_ip, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  INSERT INTO `customer_search` (customer_search, rowid, body) VALUES ('delete', old.id, old.name || ' ' || old.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(old.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(old.pppoe_username, '') || ' ' || coalesce(old.static_ip, ''));
END;
