export * from '../../shared/use-resource';
