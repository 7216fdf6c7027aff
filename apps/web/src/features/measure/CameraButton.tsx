import { useId, useRef } from 'react';
import { Button } from 'antd';
import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { EVIDENCE_ACCEPT } from '@rectify/domain';
import { useT } from '../../i18n';

/**
 * 拍照: opens the phone's camera straight away (`capture="environment"`, the back camera); on a
 * computer it is a plain image picker. The input is visually hidden but stays in the page, so it
 * can be labelled and driven by tests.
 */
export function CameraButton({ onFiles, testId }: { onFiles: (files: File[]) => void; testId: string }) {
  const t = useT();
  return <HiddenFileInput accept="image/*" capture icon={<CameraOutlined />} label={t('evidence.takePhoto')} onFiles={onFiles} testId={testId} />;
}

/** 选择文件: any evidence file type, several at once. */
export function FilePickButton({ onFiles, testId }: { onFiles: (files: File[]) => void; testId: string }) {
  const t = useT();
  return <HiddenFileInput accept={EVIDENCE_ACCEPT} multiple icon={<PaperClipOutlined />} label={t('evidence.chooseFiles')} onFiles={onFiles} testId={testId} />;
}

function HiddenFileInput({
  accept, capture, multiple, icon, label, onFiles, testId,
}: {
  accept: string; capture?: boolean; multiple?: boolean; icon: React.ReactNode; label: string; onFiles: (files: File[]) => void; testId: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        {...(capture ? { capture: 'environment' } : {})}
        className="rectify-visually-hidden"
        tabIndex={-1}
        aria-hidden
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Let the same photo be chosen twice in a row.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button icon={icon} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}
