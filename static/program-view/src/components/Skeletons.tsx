// The skeletons live in static/shared so the epic panel and the macro use them too.
export { BlockSkeleton, CardsSkeleton, ProgramSkeleton, TableSkeleton } from '../../../shared/Skeletons';
