// The domain's zod fields live in the shared contract; re-exported for the modules that import them from here.
export { idNumberField, mobilePhoneField, personNameField, plateField } from '@jiaoguan/contracts/fields';
