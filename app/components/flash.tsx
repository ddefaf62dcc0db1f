import { useContext } from 'react'
import { UNSAFE_DataRouterStateContext, useSearchParams } from 'react-router'
import { FLASH_PARAM, flashMessage } from '../utils/flash.ts'

/**
 * The confirmation of the last action (app/utils/flash.ts), at the top of the
 * page. Hidden while the page shows an action's answer: a form posted again
 * from a page reached with ?fait= keeps it in its URL, and its errors must
 * not sit under a "saved" message.
 */
export function Flash() {
  const [searchParams] = useSearchParams()
  // React Router has no public hook for the leaf route's action data from the layout.
  const actionData = useContext(UNSAFE_DataRouterStateContext)?.actionData
  const message = flashMessage(searchParams.get(FLASH_PARAM))
  if (!message || (actionData && Object.keys(actionData).length > 0)) return null
  return (
    <p className="flash" role="status">
      {message}
    </p>
  )
}
