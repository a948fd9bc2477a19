import { ReactNode } from 'react';

/**
 * Text kept to one line: cut with an ellipsis beyond `maxWidth`, the whole text on hover
 * (the `title`: a native tooltip is light enough for every cell of a long table).
 */
export function TruncatedText(props: {
  text: string;
  maxWidth?: number | string;
  children?: ReactNode;
}) {
  const { text, maxWidth = 280 } = props;
  return (
    <span
      title={text}
      style={{
        display: 'inline-block',
        maxWidth,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        verticalAlign: 'bottom',
      }}
    >
      {props.children ?? text}
    </span>
  );
}
