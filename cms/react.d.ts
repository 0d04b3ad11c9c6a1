/**
 * The one React function the editors use, from the React that decap-cms-app runs on. The project
 * does not install @types/react for a handful of small widgets.
 */
declare module 'react' {
  export type ReactNode = unknown;
  export function createElement(type: unknown, props?: object | null, ...children: ReactNode[]): ReactNode;
}
