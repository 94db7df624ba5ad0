-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'WAITING';

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'WAITING';

-- AlterEnum
ALTER TYPE "Platform" ADD VALUE 'WECHAT_OA';
