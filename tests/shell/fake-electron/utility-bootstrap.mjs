// Inside a fake utilityProcess: Electron gives the module `process.parentPort`, whose 'message' events carry a
// MessageEvent-like { data, ports }, and whose postMessage reaches the parent's UtilityProcess 'message' event.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const send = process.send.bind(process)
const parentPort = Object.assign(new EventEmitter(), { postMessage: (message) => send(message) })
// As Electron's ParentPort, which starts its port when the first listener is added: messages wait until then.
const queued = []
process.on('message', (data) => {
  if (parentPort.listenerCount('message') === 0) queued.push(data)
  else parentPort.emit('message', { data, ports: [] })
})
parentPort.on('newListener', (event) => {
  if (event === 'message')
    setImmediate(() => queued.splice(0).forEach((data) => parentPort.emit('message', { data, ports: [] })))
})
Object.defineProperty(process, 'parentPort', { value: parentPort })
const [modulePath, ...args] = process.argv.slice(2)
process.argv = [process.argv[0], modulePath, ...args]
await import(pathToFileURL(modulePath).href)
