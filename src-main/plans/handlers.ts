import type { EventBus } from '../rpc/events';
import type { Handlers } from '../rpc/registry';
import type { PlansService } from './service';

type PlanChannels = 'plans.list' | 'plans.get' | 'plans.create' | 'plans.update' | 'plans.setStatus';

export function plansHandlers(service: PlansService, events: EventBus): Pick<Handlers, PlanChannels> {
  return {
    'plans.list': ({ includeRetired }) => service.list(includeRetired),
    'plans.get': ({ id }) => service.get(id),
    'plans.create': (input) => {
      const plan = service.create(input);
      events.emit('plans.changed', { id: plan.id });
      return plan;
    },
    'plans.update': ({ id, plan }) => {
      const updated = service.update(id, plan);
      events.emit('plans.changed', { id });
      return updated;
    },
    'plans.setStatus': ({ id, status }) => {
      const updated = service.setStatus(id, status);
      events.emit('plans.changed', { id });
      return updated;
    },
  };
}
