// The renderer's only door to the back end: invoke() and on(), nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('wispdesk', {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', channel, input),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('event', relay);
    return () => ipcRenderer.removeListener('event', relay);
  },
});
