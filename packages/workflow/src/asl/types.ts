/**
 * Amazon States Language, as typed data: the parts of the specification the Scones definitions
 * use (JSONPath query language). See https://states-language.net/spec.html.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A Payload Template: keys ending in `.$` hold paths, the others literal values. */
export type PayloadTemplate = { [key: string]: JsonValue };

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
}

/** How a non-terminal state continues: to a named state, or it ends the execution. */
export type Transition = { Next: string; End?: never } | { End: true; Next?: never };

interface StateBase {
  Comment?: string;
}

interface Paths {
  InputPath?: string | null;
  OutputPath?: string | null;
}

export type TaskState = StateBase &
  Paths &
  Transition & {
    Type: 'Task';
    Resource: string;
    Parameters?: PayloadTemplate;
    ResultSelector?: PayloadTemplate;
    ResultPath?: string | null;
    TimeoutSeconds?: number;
    HeartbeatSeconds?: number;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type PassState = StateBase &
  Paths &
  Transition & {
    Type: 'Pass';
    Parameters?: PayloadTemplate;
    Result?: JsonValue;
    ResultPath?: string | null;
  };

export interface ChoiceRule {
  Variable?: string;
  Next?: string;
  And?: ChoiceRule[];
  Or?: ChoiceRule[];
  Not?: ChoiceRule;
  [comparison: string]: JsonValue | ChoiceRule | ChoiceRule[] | undefined;
}

export type ChoiceState = StateBase &
  Paths & {
    Type: 'Choice';
    Choices: (ChoiceRule & { Next: string })[];
    Default?: string;
  };

export type FailState = StateBase & {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
};

export type SucceedState = StateBase & Paths & { Type: 'Succeed' };

export type WaitState = StateBase &
  Paths &
  Transition & {
    Type: 'Wait';
    Seconds?: number;
    SecondsPath?: string;
    Timestamp?: string;
    TimestampPath?: string;
  };

/** A Map state, inline or distributed (ItemReader, ResultWriter, EXPRESS child executions). */
export type MapState = StateBase &
  Paths &
  Transition & {
    Type: 'Map';
    ItemProcessor: StateMachineFragment & {
      ProcessorConfig?: { Mode: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
    };
    ItemReader?: {
      Resource: string;
      Parameters?: PayloadTemplate;
      ReaderConfig?: { [key: string]: JsonValue };
    };
    ItemsPath?: string;
    ItemSelector?: PayloadTemplate;
    ItemBatcher?: { [key: string]: JsonValue };
    ResultWriter?: { Resource: string; Parameters?: PayloadTemplate };
    MaxConcurrency?: number;
    ToleratedFailurePercentage?: number;
    ToleratedFailureCount?: number;
    Label?: string;
    ResultSelector?: PayloadTemplate;
    ResultPath?: string | null;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type ParallelState = StateBase &
  Paths &
  Transition & {
    Type: 'Parallel';
    Branches: StateMachineFragment[];
    ResultSelector?: PayloadTemplate;
    ResultPath?: string | null;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type State =
  | TaskState
  | PassState
  | ChoiceState
  | FailState
  | SucceedState
  | WaitState
  | MapState
  | ParallelState;

/** States with a start: a whole definition, a Map's item processor or a Parallel branch. */
export interface StateMachineFragment {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
}

/** A whole state machine definition. */
export interface StateMachineDefinition extends StateMachineFragment {
  TimeoutSeconds?: number;
  Version?: '1.0';
}
