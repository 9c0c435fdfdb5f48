/** The parts of a report that both bench and load write: where it ran, and a figure left out. */
export type Environment = {
  date: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  /** null when LocalStack did not answer. */
  localstack: { version: string; mode: string } | null;
  packages: Record<string, string>;
};

export type Skipped = { status: 'skipped'; reason: string };
