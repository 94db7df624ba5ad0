-- DropIndex
DROP INDEX "notice_deliveries_notice_id_org_id_status_idx";
