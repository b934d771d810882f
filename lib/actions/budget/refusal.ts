/** What a caller without the accountant's permission is told (the same for every budget action). */
export const SIGN_IN_AS_ACCOUNTANT = "请先以部门会计身份登录";
