import { useContractQuery } from '../api/useContract';
import { ErrorNotice } from '../components/Notice';
import { Commission } from '../screens/commission/Commission';
import { Dashboard } from '../screens/dashboard/Dashboard';

/** The home page: a group's own work, or in the commission's ledger the groups side by side. */
export function Home() {
  const kind = useContractQuery('rollup', 'kind', []);
  if (!kind.data) return <ErrorNotice error={kind.error} />;
  return kind.data === 'commission' ? <Commission /> : <Dashboard />;
}
