import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
}

/** Every button of the app: React Aria's (press, keyboard, focus ring) in one of four looks. */
export function Button({ variant = 'secondary', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={`btn btn-${variant}${typeof className === 'string' ? ` ${className}` : ''}`}
    />
  );
}
