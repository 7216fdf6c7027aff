import { useEffect } from 'react';
import { message, notification } from 'antd';
import type { ShowFeedback } from './feedback';

/** antd's message and notification, in the app's theme and locale; loaded lazily by FeedbackProvider. */
export default function FeedbackHost({ onReady }: { onReady: (show: ShowFeedback | null) => void }) {
  const [messages, messageHolder] = message.useMessage();
  const [notifications, notificationHolder] = notification.useNotification();
  useEffect(() => {
    onReady((call) => {
      if (call.to === 'message') void messages[call.kind](call.content);
      else notifications[call.kind](call.args);
    });
    return () => onReady(null);
  }, [messages, notifications, onReady]);
  return (
    <>
      {messageHolder}
      {notificationHolder}
    </>
  );
}
