"use client";
import type { ReactNode } from "react";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { catalogImportSchema } from "@/lib/actions/admin/catalog.schema";
import { createDepartmentSchema, createRegionSchema, createSubUnitSchema, renameSchema } from "@/lib/actions/admin/units.schema";
import { addStageSchema, assignReviewerSchema, moveStageSchema, removeStageSchema, renameStageSchema } from "@/lib/actions/admin/stages.schema";
import { addMembershipSchema, createUserSchema, removeMembershipSchema, resetPasswordSchema, setActiveSchema } from "@/lib/actions/admin/users.schema";
import type { FormState } from "@/lib/result";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";

/** The schemas the server actions use, checked in the browser first for an immediate answer. */
const SCHEMAS = {
  createRegion: createRegionSchema,
  createDepartment: createDepartmentSchema,
  createSubUnit: createSubUnitSchema,
  rename: renameSchema,
  createUser: createUserSchema,
  addMembership: addMembershipSchema,
  removeMembership: removeMembershipSchema,
  resetPassword: resetPasswordSchema,
  setActive: setActiveSchema,
  catalogImport: catalogImportSchema,
  addStage: addStageSchema,
  renameStage: renameStageSchema,
  moveStage: moveStageSchema,
  removeStage: removeStageSchema,
  assignReviewer: assignReviewerSchema,
};

export function AdminForm({
  action,
  schema,
  children,
  submit,
  className,
  testId,
  confirm,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  schema: keyof typeof SCHEMAS;
  children: ReactNode;
  submit: string;
  className?: string;
  testId?: string;
  /** A question to answer first, for what is hard to undo (停用账号, 删除角色). */
  confirm?: string;
}) {
  const { state, pending, formProps } = useKeptForm<FormState>(async (prev, form) => {
    const parsed = SCHEMAS[schema].safeParse(formValues(form));
    if (!parsed.success) return { ok: false, code: "invalid_input", message: invalidInputMessage(parsed.error) };
    return action(prev, form);
  }, null);
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        formProps.onSubmit(event);
      }}
      className={className}
      data-testid={testId}
    >
      {children}
      <button type="submit" disabled={pending}>
        {submit}
      </button>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "muted" : "error"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
