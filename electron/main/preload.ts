import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets exactly one function; the router behind it checks method, input and role.
contextBridge.exposeInMainWorld('weinong', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('weinong:invoke', String(method), input),
});
