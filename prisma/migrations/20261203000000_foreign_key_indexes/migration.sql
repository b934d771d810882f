-- Indexes on the foreign keys every budget read and every cascade delete follows; without them
-- reading one budget scanned every project indicator of the province (bench/profile-database.ts).

-- CreateIndex
CREATE INDEX "ProjectIndicator_projectId_idx" ON "ProjectIndicator"("projectId");
CREATE INDEX "PerformanceIndicator_budgetId_idx" ON "PerformanceIndicator"("budgetId");
CREATE INDEX "ProcurementLine_budgetId_idx" ON "ProcurementLine"("budgetId");
CREATE INDEX "BasicLine_budgetId_position_idx" ON "BasicLine"("budgetId", "position");
CREATE INDEX "Project_budgetId_position_idx" ON "Project"("budgetId", "position");
CREATE INDEX "Membership_departmentId_idx" ON "Membership"("departmentId");
CREATE INDEX "Membership_regionId_idx" ON "Membership"("regionId");
CREATE INDEX "BudgetComment_authorId_idx" ON "BudgetComment"("authorId");
