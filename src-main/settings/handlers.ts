import type { Handlers } from '../rpc/registry';
import type { EventBus } from '../rpc/events';
import type { SettingsService } from './service';

export function settingsHandlers(
  service: SettingsService,
  events: EventBus,
): Pick<Handlers, `settings.${string}` & keyof Handlers> {
  return {
    'settings.get': () => service.get(),
    'settings.save': (input) => {
      const saved = service.save(input);
      events.emit('settings.changed', {});
      return saved;
    },
    'settings.setImage': ({ which, base64 }) => {
      const saved = service.setImage(which, base64);
      events.emit('settings.changed', {});
      return saved;
    },
    'settings.removeImage': ({ which }) => {
      const saved = service.removeImage(which);
      events.emit('settings.changed', {});
      return saved;
    },
    'settings.image': ({ which }) => service.image(which),
  };
}
