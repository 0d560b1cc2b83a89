// Splitting streamed text (a socket, a fetch body) into the parts before each separator.

/**
 * Returns a function that takes the next chunk and gives back every part completed by it. Chunks without a separator
 * are only held, and joined once one arrives: appending to one string and searching it from the start on every chunk
 * copied and scanned a long part once per chunk, which took seconds for a listing of 50,000 keys.
 */
export function partSplitter(separator: string): (chunk: string) => string[] {
  const overlap = separator.length - 1
  let held: string[] = []
  // The end of the held text, where a separator split across two chunks begins.
  let heldEnd = ''
  return (chunk) => {
    const seam = heldEnd + chunk
    if (!seam.includes(separator)) {
      held.push(chunk)
      heldEnd = overlap > 0 ? seam.slice(-overlap) : ''
      return []
    }
    const parts = (held.join('') + chunk).split(separator)
    const rest = parts.pop() ?? ''
    held = rest ? [rest] : []
    heldEnd = overlap > 0 ? rest.slice(-overlap) : ''
    return parts
  }
}
