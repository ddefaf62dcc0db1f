import { createContext, useContext } from 'react'

// Filled on the server only: browsers hide nonces from the DOM after load.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
