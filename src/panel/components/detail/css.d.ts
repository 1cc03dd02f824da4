// Side-effect CSS imports (Vite bundles them); lets tsc accept `import './detail.css'`.
declare module '*.css';
