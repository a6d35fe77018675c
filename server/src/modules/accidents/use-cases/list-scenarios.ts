// GET /api/accidents/scenarios: the liability scenario table (code, description, who is at fault).
import { SCENARIOS } from '../liability';

export function listScenarios() {
  return { items: SCENARIOS, total: SCENARIOS.length };
}
