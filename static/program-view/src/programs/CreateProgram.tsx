import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import Textfield from '@atlaskit/textfield';
import SectionMessage from '@atlaskit/section-message';
import { call, ResolverCallError } from '../api';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** Name, id (a slug, taken from the name) and the scope JQL; the creator becomes the owner. */
export function CreateProgram({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [scopeJql, setScopeJql] = useState('issuetype = Epic');
  const [error, setError] = useState<string | undefined>(undefined);
  const programId = idTouched ? id : slug(name);
  const create = async () => {
    try {
      await call('program/create', { id: programId, name, scopeJql });
      onCreated(programId);
      onClose();
    } catch (e) {
      setError(e instanceof ResolverCallError ? e.message : 'The program could not be created.');
    }
  };
  return (
    <ModalTransition>
      <Modal onClose={onClose} testId="create-program-dialog">
        <ModalHeader>
          <ModalTitle>Create a program</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <label>
            Name
            <Textfield
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              testId="create-program-name"
            />
          </label>
          <label>
            Id
            <Textfield
              value={programId}
              onChange={(e) => {
                setIdTouched(true);
                setId(e.currentTarget.value);
              }}
              testId="create-program-id"
            />
          </label>
          <label>
            Scope JQL (the program’s epics)
            <Textfield
              value={scopeJql}
              onChange={(e) => setScopeJql(e.currentTarget.value)}
              testId="create-program-jql"
            />
          </label>
          {error && (
            <SectionMessage appearance="error" testId="create-program-error">
              <p>{error}</p>
            </SectionMessage>
          )}
        </ModalBody>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button appearance="primary" onClick={() => void create()} testId="create-program-submit">
            Create
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
