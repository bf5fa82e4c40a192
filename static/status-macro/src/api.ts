// Shared by every Custom UI resource of the app.
export * from '../../shared/api';
