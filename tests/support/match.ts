// Vitest's asymmetric matchers are typed `any`; these name what each one stands in for, so a test that puts one in
// a typed place (a request's input, a record) stays typed.
import { expect } from 'vitest'

export const anyString = (): string => expect.any(String) as string
export const anyNumber = (): number => expect.any(Number) as number
export const anyArray = <T>(): T[] => expect.any(Array) as T[]
export const stringMatching = (pattern: RegExp | string): string => expect.stringMatching(pattern) as string
export const stringContaining = (text: string): string => expect.stringContaining(text) as string
export const objectContaining = <T extends object>(fields: Partial<T>): T =>
  expect.objectContaining<unknown>(fields) as T
