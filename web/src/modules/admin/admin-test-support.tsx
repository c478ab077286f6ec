import type { ReactElement } from 'react';
import { renderAnswered, type Answers } from '../../fixed-answers.test-support';

// The directory's pieces as an administrator sees them: nothing around them but the language and
// the fixed answers.

export const renderForAdmin = (element: ReactElement, answers: Answers = {}) => renderAnswered(element, answers);
