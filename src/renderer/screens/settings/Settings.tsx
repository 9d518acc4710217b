import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { BackupSettings } from './BackupSettings';
import { GeneralSettings } from './GeneralSettings';
import { PasswordSettings } from './PasswordSettings';
import { PeopleSettings } from './PeopleSettings';
import { SigningKeySettings } from './SigningKeySettings';
import { LedgerSizeNotice } from '../../components/ArchiveNotices';

export function Settings() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} />
      <LedgerSizeNotice />
      <div className="cards">
        <GeneralSettings />
        <PasswordSettings />
        <PeopleSettings />
        <BackupSettings />
        <SigningKeySettings />
      </div>
    </>
  );
}
