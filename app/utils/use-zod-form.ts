import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/**
 * Every form of the board validates the same way: the zod schema the action
 * uses, checked in the browser when a field loses focus (and again as the
 * user fixes it); without JavaScript the action answers with the same messages.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own constraint on form shapes
export function useZodForm<Output extends Record<string, unknown>, Input extends Record<string, any>>(
  schema: z.ZodType<Output, Input>,
  options: { lastResult: SubmissionResult<string[]> | null | undefined; defaultValue?: DefaultValue<Input> },
) {
  return useForm<Input, Output>({
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}
