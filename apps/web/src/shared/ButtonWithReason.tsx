import { useId } from 'react';
import { Button, type ButtonProps } from 'antd';

type Props = ButtonProps & { reason?: string | null; 'data-testid'?: string };

/**
 * A button that may be disabled for a reason: the reason is written under it (and tied to it for
 * screen readers), because a phone never shows a hover tooltip.
 */
export function ButtonWithReason({ reason, ...props }: Props) {
  const id = useId();
  const shown = props.disabled && reason;
  const testId = props['data-testid'];
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', maxWidth: '100%' }}>
      <Button {...props} aria-describedby={shown ? id : undefined} />
      {shown && (
        <span id={id} className="rectify-disabled-reason" data-testid={testId ? `${testId}-reason` : undefined}>
          {reason}
        </span>
      )}
    </span>
  );
}
