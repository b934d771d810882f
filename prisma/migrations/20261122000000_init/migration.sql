-- 明账 initial schema. Hand-written in Prisma's own style (prisma migrate cannot run offline);
-- test/db/schema-matches-migrations.test.ts proves it matches prisma/schema.prisma.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'ACCOUNTANT');
CREATE TYPE "EconomicCategory" AS ENUM ('personnel', 'public', 'capital', 'other');
CREATE TYPE "SubjectKind" AS ENUM ('function', 'economic');
CREATE TYPE "BudgetKind" AS ENUM ('budget', 'final');
CREATE TYPE "BudgetStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED');
CREATE TYPE "Fund" AS ENUM ('generalBudget', 'governmentFund', 'stateCapital', 'specialAccount', 'operations', 'superiorSubsidy', 'subordinateRemit', 'business', 'other');
CREATE TYPE "IndicatorOperator" AS ENUM ('ge', 'le', 'eq', 'gt', 'lt', 'qualitative');
CREATE TYPE "ProcurementCategory" AS ENUM ('goods', 'works', 'services');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Region_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Region_code_digits" CHECK ("code" ~ '^[0-9]{6}$')
);

CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Department_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Department_code_digits" CHECK ("code" ~ '^[0-9]+$')
);

CREATE TABLE "SubUnit" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "SubUnit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "departmentId" INTEGER,
    "regionId" INTEGER,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id"),
    -- An accountant is scoped to a department, a reviewer to a region, an admin to nothing.
    CONSTRAINT "Membership_scope" CHECK (
        ("role" = 'ACCOUNTANT' AND "departmentId" IS NOT NULL AND "regionId" IS NULL) OR
        ("role" = 'REVIEWER' AND "regionId" IS NOT NULL AND "departmentId" IS NULL) OR
        ("role" = 'ADMIN' AND "regionId" IS NULL AND "departmentId" IS NULL))
);

CREATE TABLE "FunctionSubject" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,
    CONSTRAINT "FunctionSubject_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FunctionSubject_level_code" CHECK (
        ("level" = 1 AND "code" ~ '^[0-9]{3}$') OR
        ("level" = 2 AND "code" ~ '^[0-9]{5}$') OR
        ("level" = 3 AND "code" ~ '^[0-9]{7}$'))
);

CREATE TABLE "EconomicSubject" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "category" "EconomicCategory" NOT NULL,
    "parentCode" TEXT,
    CONSTRAINT "EconomicSubject_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EconomicSubject_level_code" CHECK (
        ("level" = 1 AND "code" ~ '^[0-9]{3}$') OR
        ("level" = 2 AND "code" ~ '^[0-9]{5}$'))
);

CREATE TABLE "SubjectCrosswalk" (
    "id" SERIAL NOT NULL,
    "kind" "SubjectKind" NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toYear" INTEGER NOT NULL,
    "toCode" TEXT NOT NULL,
    CONSTRAINT "SubjectCrosswalk_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Budget" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "BudgetKind" NOT NULL DEFAULT 'budget',
    "status" "BudgetStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "unitName" TEXT NOT NULL,
    "functions" TEXT[],
    "structure" TEXT,
    "performanceOffice" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "performanceGoal" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Budget_year_range" CHECK ("year" BETWEEN 2000 AND 2100),
    CONSTRAINT "Budget_version_positive" CHECK ("version" >= 1)
);

CREATE TABLE "BudgetSubUnit" (
    "budgetId" INTEGER NOT NULL,
    "subUnitId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "BudgetSubUnit_pkey" PRIMARY KEY ("budgetId","subUnitId")
);

CREATE TABLE "IncomeLine" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "fund" "Fund" NOT NULL,
    "carryover" BOOLEAN NOT NULL DEFAULT false,
    "amount" DECIMAL(18,2) NOT NULL,
    CONSTRAINT "IncomeLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IncomeLine_amount_nonnegative" CHECK ("amount" >= 0)
);

CREATE TABLE "BasicLine" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "subUnitCode" TEXT,
    "functionCode" TEXT NOT NULL,
    "economicCode" TEXT NOT NULL,
    "fund" "Fund" NOT NULL DEFAULT 'generalBudget',
    "amount" DECIMAL(18,2) NOT NULL,
    CONSTRAINT "BasicLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BasicLine_amount_nonnegative" CHECK ("amount" >= 0),
    CONSTRAINT "BasicLine_function_is_item" CHECK ("functionCode" ~ '^[0-9]{7}$'),
    CONSTRAINT "BasicLine_economic_is_item" CHECK ("economicCode" ~ '^[0-9]{5}$')
);

CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subUnitCode" TEXT,
    "functionCode" TEXT NOT NULL,
    "economicCode" TEXT,
    "fund" "Fund" NOT NULL DEFAULT 'generalBudget',
    "amount" DECIMAL(18,2) NOT NULL,
    "ownArrangement" DECIMAL(18,2) NOT NULL,
    "superiorSubsidy" DECIMAL(18,2) NOT NULL,
    "category" TEXT,
    "owner" TEXT,
    "summary" TEXT,
    "basis" TEXT,
    "goal" TEXT,
    "executionRateWeight" DECIMAL(6,2),
    "disclose" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Project_amounts_nonnegative" CHECK ("amount" >= 0 AND "ownArrangement" >= 0 AND "superiorSubsidy" >= 0),
    CONSTRAINT "Project_function_is_item" CHECK ("functionCode" ~ '^[0-9]{7}$'),
    CONSTRAINT "Project_weight_range" CHECK ("executionRateWeight" IS NULL OR ("executionRateWeight" >= 0 AND "executionRateWeight" <= 100))
);

CREATE TABLE "ProjectIndicator" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "level1" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "operator" "IndicatorOperator" NOT NULL,
    "value" TEXT NOT NULL,
    "weight" DECIMAL(6,2),
    "core" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ProjectIndicator_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ProjectIndicator_weight_range" CHECK ("weight" IS NULL OR ("weight" >= 0 AND "weight" <= 100))
);

CREATE TABLE "PerformanceIndicator" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "level1" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "operator" "IndicatorOperator" NOT NULL,
    "value" TEXT NOT NULL,
    "weight" DECIMAL(6,2),
    "core" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "PerformanceIndicator_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PerformanceIndicator_weight_range" CHECK ("weight" IS NULL OR ("weight" >= 0 AND "weight" <= 100))
);

CREATE TABLE "ThreePublic" (
    "budgetId" INTEGER NOT NULL,
    "abroad" DECIMAL(18,2) NOT NULL,
    "vehiclePurchase" DECIMAL(18,2) NOT NULL,
    "vehicleOperation" DECIMAL(18,2) NOT NULL,
    "reception" DECIMAL(18,2) NOT NULL,
    CONSTRAINT "ThreePublic_pkey" PRIMARY KEY ("budgetId"),
    CONSTRAINT "ThreePublic_nonnegative" CHECK ("abroad" >= 0 AND "vehiclePurchase" >= 0 AND "vehicleOperation" >= 0 AND "reception" >= 0)
);

CREATE TABLE "ProcurementLine" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "ProcurementCategory" NOT NULL,
    "fund" "Fund" NOT NULL DEFAULT 'generalBudget',
    "amount" DECIMAL(18,2) NOT NULL,
    CONSTRAINT "ProcurementLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ProcurementLine_amount_nonnegative" CHECK ("amount" >= 0)
);

CREATE TABLE "AssetHolding" (
    "budgetId" INTEGER NOT NULL,
    "asOf" TEXT,
    "vehiclesGeneral" INTEGER NOT NULL DEFAULT 0,
    "vehiclesLawEnforcement" INTEGER NOT NULL DEFAULT 0,
    "vehiclesOther" INTEGER NOT NULL DEFAULT 0,
    "plannedGeneral" INTEGER NOT NULL DEFAULT 0,
    "plannedLawEnforcement" INTEGER NOT NULL DEFAULT 0,
    "plannedOther" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AssetHolding_pkey" PRIMARY KEY ("budgetId"),
    CONSTRAINT "AssetHolding_counts_nonnegative" CHECK ("vehiclesGeneral" >= 0 AND "vehiclesLawEnforcement" >= 0 AND "vehiclesOther" >= 0 AND "plannedGeneral" >= 0 AND "plannedLawEnforcement" >= 0 AND "plannedOther" >= 0)
);

CREATE TABLE "NarrativeReasons" (
    "budgetId" INTEGER NOT NULL,
    "incomeChange" TEXT,
    "expenditureChange" TEXT,
    "basicChange" TEXT,
    "basicUsage" TEXT,
    "projectChange" TEXT,
    "projectUsage" TEXT,
    "threePublicAbroad" TEXT,
    "threePublicVehiclePurchase" TEXT,
    "threePublicVehicleOperation" TEXT,
    "threePublicReception" TEXT,
    "operatingFundsChange" TEXT,
    "operatingFundsUsage" TEXT,
    CONSTRAINT "NarrativeReasons_pkey" PRIMARY KEY ("budgetId")
);

CREATE TABLE "PriorYear" (
    "budgetId" INTEGER NOT NULL,
    "basic" DECIMAL(18,2),
    "project" DECIMAL(18,2),
    "threePublicAbroad" DECIMAL(18,2),
    "threePublicVehiclePurchase" DECIMAL(18,2),
    "threePublicVehicleOperation" DECIMAL(18,2),
    "threePublicReception" DECIMAL(18,2),
    "operatingFunds" DECIMAL(18,2),
    CONSTRAINT "PriorYear_pkey" PRIMARY KEY ("budgetId"),
    CONSTRAINT "PriorYear_nonnegative" CHECK (
        COALESCE("basic", 0) >= 0 AND COALESCE("project", 0) >= 0 AND COALESCE("threePublicAbroad", 0) >= 0 AND
        COALESCE("threePublicVehiclePurchase", 0) >= 0 AND COALESCE("threePublicVehicleOperation", 0) >= 0 AND
        COALESCE("threePublicReception", 0) >= 0 AND COALESCE("operatingFunds", 0) >= 0)
);

CREATE TABLE "PriorFunctionAmount" (
    "budgetId" INTEGER NOT NULL,
    "functionCode" TEXT NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    CONSTRAINT "PriorFunctionAmount_pkey" PRIMARY KEY ("budgetId","functionCode"),
    CONSTRAINT "PriorFunctionAmount_amount_nonnegative" CHECK ("amount" >= 0)
);

CREATE TABLE "BudgetEvent" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "fromStatus" "BudgetStatus",
    "toStatus" "BudgetStatus" NOT NULL,
    "version" INTEGER NOT NULL,
    "comment" TEXT,
    CONSTRAINT "BudgetEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BudgetComment" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "anchor" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    CONSTRAINT "BudgetComment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PublishedSnapshot" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" INTEGER,
    "package" JSONB NOT NULL,
    "tables" JSONB NOT NULL,
    "narrative" TEXT NOT NULL,
    "supersededAt" TIMESTAMP(3),
    CONSTRAINT "PublishedSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");
CREATE UNIQUE INDEX "Department_regionId_code_key" ON "Department"("regionId", "code");
CREATE UNIQUE INDEX "SubUnit_departmentId_code_key" ON "SubUnit"("departmentId", "code");
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");
CREATE UNIQUE INDEX "FunctionSubject_year_code_key" ON "FunctionSubject"("year", "code");
CREATE UNIQUE INDEX "EconomicSubject_year_code_key" ON "EconomicSubject"("year", "code");
CREATE UNIQUE INDEX "SubjectCrosswalk_kind_fromYear_fromCode_toYear_key" ON "SubjectCrosswalk"("kind", "fromYear", "fromCode", "toYear");
CREATE UNIQUE INDEX "Budget_departmentId_year_kind_key" ON "Budget"("departmentId", "year", "kind");
CREATE INDEX "Budget_year_status_idx" ON "Budget"("year", "status");
CREATE UNIQUE INDEX "IncomeLine_budgetId_fund_carryover_key" ON "IncomeLine"("budgetId", "fund", "carryover");
-- NULLS NOT DISTINCT: a line without a sub-unit is still a duplicate of another such line.
CREATE UNIQUE INDEX "BasicLine_budgetId_subUnitCode_functionCode_economicCode_fund_key" ON "BasicLine"("budgetId", "subUnitCode", "functionCode", "economicCode", "fund") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "Project_budgetId_code_key" ON "Project"("budgetId", "code");
CREATE INDEX "BudgetEvent_budgetId_at_idx" ON "BudgetEvent"("budgetId", "at");
CREATE INDEX "BudgetComment_budgetId_createdAt_idx" ON "BudgetComment"("budgetId", "createdAt");
CREATE UNIQUE INDEX "PublishedSnapshot_budgetId_sequence_key" ON "PublishedSnapshot"("budgetId", "sequence");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SubUnit" ADD CONSTRAINT "SubUnit_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BudgetSubUnit" ADD CONSTRAINT "BudgetSubUnit_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetSubUnit" ADD CONSTRAINT "BudgetSubUnit_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "SubUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncomeLine" ADD CONSTRAINT "IncomeLine_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BasicLine" ADD CONSTRAINT "BasicLine_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectIndicator" ADD CONSTRAINT "ProjectIndicator_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PerformanceIndicator" ADD CONSTRAINT "PerformanceIndicator_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ThreePublic" ADD CONSTRAINT "ThreePublic_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProcurementLine" ADD CONSTRAINT "ProcurementLine_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssetHolding" ADD CONSTRAINT "AssetHolding_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NarrativeReasons" ADD CONSTRAINT "NarrativeReasons_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PriorYear" ADD CONSTRAINT "PriorYear_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PriorFunctionAmount" ADD CONSTRAINT "PriorFunctionAmount_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetEvent" ADD CONSTRAINT "BudgetEvent_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetEvent" ADD CONSTRAINT "BudgetEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BudgetComment" ADD CONSTRAINT "BudgetComment_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetComment" ADD CONSTRAINT "BudgetComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BudgetComment" ADD CONSTRAINT "BudgetComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PublishedSnapshot" ADD CONSTRAINT "PublishedSnapshot_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PublishedSnapshot" ADD CONSTRAINT "PublishedSnapshot_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A published snapshot is frozen: its content never changes and it is never deleted; only
-- supersededAt may be set, once, when a newer version (预算调整) is published.
CREATE FUNCTION "published_snapshot_frozen"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '已公开的预算快照不可删除' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."package" IS DISTINCT FROM OLD."package" OR NEW."tables" IS DISTINCT FROM OLD."tables"
       OR NEW."narrative" IS DISTINCT FROM OLD."narrative" OR NEW."budgetId" IS DISTINCT FROM OLD."budgetId"
       OR NEW."sequence" IS DISTINCT FROM OLD."sequence" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
       OR (OLD."supersededAt" IS NOT NULL AND NEW."supersededAt" IS DISTINCT FROM OLD."supersededAt") THEN
        RAISE EXCEPTION '已公开的预算快照不可修改' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PublishedSnapshot_frozen" BEFORE UPDATE OR DELETE ON "PublishedSnapshot"
    FOR EACH ROW EXECUTE FUNCTION "published_snapshot_frozen"();
