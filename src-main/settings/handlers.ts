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
    'settings.setImage': () => {
      throw new Error('todo');
    },
    'settings.removeImage': () => {
      throw new Error('todo');
    },
    'settings.image': () => null,
  };
}
